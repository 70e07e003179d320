"""What leaves the game as a file or a picture: the drawing core shared with the screens (look, text fitting,
charts), the printed report and the role cards. Below the UI, so the `report` command runs without it."""
