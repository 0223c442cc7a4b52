# The bastion of office-ssh.tf with its image as a variable too: nothing Palisade draws depends on
# the AMI, so the import asks for office_cidr and offers ami_id folded (e2e/import-inputs.spec.ts).
variable "office_cidr" {
  description = "The office's public range, allowed to SSH to the bastion"
  type        = string
}

variable "ami_id" {
  description = "The image the bastion boots"
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
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
  tags = {
    Name = "jump"
  }
}
