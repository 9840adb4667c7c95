"""The 方針・SECURITY ACTION tab: the basic policy and the security rules as versions, and
SECURITY ACTION (declarations, ★★ readiness, self-diagnosis results)."""
