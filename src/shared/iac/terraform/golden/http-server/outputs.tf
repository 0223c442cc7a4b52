output "security_group_ids" {
  description = "Security group ids by name"
  value = {
    web = aws_security_group.web.id
  }
}
