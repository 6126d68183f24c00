// Placeholder: the service is written next.
