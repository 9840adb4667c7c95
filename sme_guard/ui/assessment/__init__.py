"""自己点検 (self-assessment): runs over the control measures and task sheets."""
