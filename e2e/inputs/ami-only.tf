# A bastion whose only variable without a value is its image: nothing Palisade draws depends on
# it, so the import opens no dialog and its notice says why (e2e/import-inputs.spec.ts).
variable "ami_id" {
  type = string
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH from the office"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}

resource "aws_instance" "jump" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
}
