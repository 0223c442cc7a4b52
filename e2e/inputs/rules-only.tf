# A module of rules only, as terraform-aws-security-group's examples are: two groups and their
# rules, and no resource that carries them. The group view shows what the rules open, one-sided
# (e2e/rules-only.spec.ts): HTTPS from the Internet and SSH from the office to web, 8080 from web
# to app, and app's egress to the office's range.
resource "aws_security_group" "web" {
  name        = "web"
  description = "Public web tier"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "Application tier"
}

resource "aws_security_group_rule" "web_https" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "web_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["198.51.100.0/24"]
}

resource "aws_security_group_rule" "app_from_web" {
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.web.id
}

resource "aws_security_group_rule" "app_to_office" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["198.51.100.0/24"]
}
