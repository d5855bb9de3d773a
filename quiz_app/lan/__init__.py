"""The phone server: participants answer the projected hall quiz on their phones over the
hall's own Wi-Fi. No Qt here (tested like the core); the GUI talks to it through
``quiz_app.ui.lan_bridge``."""
