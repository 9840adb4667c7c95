"""変更履歴: the audit trail on screen."""
