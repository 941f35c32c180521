"""What the tool hands users: text and tables, exports and imports, reports, the HTML
page and pictures."""
