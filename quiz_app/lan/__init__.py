"""The phone server: participants answer the projected hall quiz on their phones over the
hall's own Wi-Fi. No Qt here (tested like the core); the GUI talks to it through
``quiz_app.ui.lan_bridge``."""

# Participant.extra of a participant who took a self-paced test on a phone (the phone
# desk, quiz_app.lan.desk); kept here so the participant launcher can recognise such
# attempts without importing the server.
DESK_MARK = ("mode", "hp-mandiri")
