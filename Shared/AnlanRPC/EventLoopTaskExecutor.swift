import NIOCore

/// Runs a task's jobs on one NIO event loop. An async handler whose work is awaiting other calls (a
/// gateway's fan-out) then stays on the thread that read its request, instead of hopping to the
/// cooperative pool and back for every call it makes and every answer it gets.
///
/// Only for handlers that never block: a job on the event loop holds up every connection of that loop.
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// The executor the running handler was started on, when its method runs on the event loop. Work a
    /// handler starts outside its own task tree (`Task { }` does not inherit an executor preference)
    /// passes this on to stay on the same loop.
    @TaskLocal public static var current: EventLoopTaskExecutor?
}
