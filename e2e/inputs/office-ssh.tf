# A bastion that admits SSH from the office, whose range each team sets itself: the variable has
# no default, so an import asks for it (e2e/import-inputs.spec.ts).
variable "office_cidr" {
  description = "The office's public range, allowed to SSH to the bastion"
  type        = string
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH from the office"

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.office_cidr]
  }
}

resource "aws_instance" "jump" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
  tags = {
    Name = "jump"
  }
}
