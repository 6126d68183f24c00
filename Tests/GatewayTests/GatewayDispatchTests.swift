import AnlanRPC
import AnlanTestSupport
import Foundation
import GatewayAPI
import MaterialReserveAPI
import Testing

/// Cross-tier dispatch through the province's gateway, on real processes.
@Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayDispatchTests {
    /// 50 pumps for a 西湖区 township: 40 from 西湖区, the rest from 余杭区 through the city. With
    /// 余杭区's material-reserve stopped, the confirmation fails and 西湖区's order is cancelled — no
    /// stock stays reserved; once it is back, the confirmation stands, and retrying it creates nothing.
    @Test func planAcrossTwoCountiesIsConfirmedAllOrNothing() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            try await mesh.loadCounty("330106", township: "330106002000", points: 1, units: 40)
            try await mesh.loadCounty("330110", township: "330110005000", points: 1, units: 25)
            let province = try await mesh.client(gatewayOf: "330000")
            _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }
            let need = PlanRequest(needs: [DispatchLine(itemCode: "3010201", quantity: 50)], destinationRegion: "330106002000")

            let plan = try await province.call(GatewayMethods.plan, need)
            #expect(plan.lines.map { "\($0.node) \($0.line.storagePointID) \($0.line.quantity)" } == ["330106 SP-330106 40", "330110 SP-330110 10"])
            #expect(plan.unmet.isEmpty && plan.targetHours == 3 && plan.targetMet)
            #expect(plan.lines[0].line.distanceKilometres < plan.lines[1].line.distanceKilometres)

            // 余杭区's material-reserve is gone when the plan is confirmed.
            mesh.killService("material-reserve", "330110")
            let failed = try await province.call(GatewayMethods.confirm, ConfirmRequest(plan: plan, requestedBy: "省防指"))
            #expect(!failed.confirmed)
            #expect(failed.orders.map(\.outcome) == [.cancelled, .failed], "\(failed.orders)")
            #expect(try await mesh.pumps("330106") == StockTotals(good: 40))

            // It comes back: a new plan is confirmed in both counties.
            try await mesh.startService("material-reserve", "330110")
            var again = try await province.call(GatewayMethods.plan, need)
            for _ in 0..<50 where again.lines.count < 2 {
                try await Task.sleep(for: .milliseconds(100))
                again = try await province.call(GatewayMethods.plan, need)
            }
            let confirmed = try await province.call(GatewayMethods.confirm, ConfirmRequest(plan: again, requestedBy: "省防指"))
            #expect(confirmed.confirmed, "\(confirmed.orders)")
            #expect(confirmed.orders.map(\.outcome) == [.approved, .approved])
            #expect(try await mesh.pumps("330106") == StockTotals(good: 40, reserved: 40))
            #expect(try await mesh.pumps("330110") == StockTotals(good: 25, reserved: 10))

            // Retrying the confirmation finds the same orders and reserves nothing more.
            let retried = try await province.call(GatewayMethods.confirm, ConfirmRequest(plan: again, requestedBy: "省防指"))
            #expect(retried.confirmed && retried.orders.map(\.orderID) == confirmed.orders.map(\.orderID))
            // Retrying the failed plan cannot revive it: its 西湖区 order stays cancelled, and 余杭区's is undone.
            let revived = try await province.call(GatewayMethods.confirm, ConfirmRequest(plan: plan, requestedBy: "省防指"))
            #expect(!revived.confirmed)
            #expect(try await mesh.pumps("330106") == StockTotals(good: 40, reserved: 40))
            #expect(try await mesh.pumps("330110") == StockTotals(good: 25, reserved: 10))

            // Two confirmations of one plan at once (a double click): one order, both told it stands.
            let small = try await province.call(GatewayMethods.plan, PlanRequest(
                needs: [DispatchLine(itemCode: "3010201", quantity: 10)], destinationRegion: "330106002000"))
            async let first = province.call(GatewayMethods.confirm, ConfirmRequest(plan: small, requestedBy: "省防指"))
            async let second = province.call(GatewayMethods.confirm, ConfirmRequest(plan: small, requestedBy: "省防指"))
            let (one, two) = try await (first, second)
            #expect(one.confirmed && two.confirmed, "\(one.orders) \(two.orders)")
            #expect(one.orders.map(\.orderID) == two.orders.map(\.orderID))
            #expect(try await mesh.pumps("330110") == StockTotals(good: 25, reserved: 20))
            await mesh.close()
        }
    }
}
