"""Printed output: the session report, certificates and printable lists as PDF (Qt's
QPdfWriter, QTextDocument and QPainter; no window). The data comes from
``quiz_app.core.results`` (``build_report``, ``certificates``)."""
