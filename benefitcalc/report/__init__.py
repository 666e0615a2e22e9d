"""The printed better-off report: a PDF or a standalone HTML page, a view of the JSON document."""
