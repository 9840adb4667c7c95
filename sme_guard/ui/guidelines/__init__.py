"""The staff guidelines tab (10⑨ smart devices, 18① SNS): versions, the office's decisions per
point, printing with the acknowledgment slip, and who acknowledged which version when."""
