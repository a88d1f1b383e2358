"""The CLI's commands, one module per area; ``leaktrace.cli`` registers them on the app."""
