@main struct EmergencyResponseCommand { static func main() {} }
