variable "my_ip" {
  description = "My IP"
  type        = string
  default     = "203.0.113.10/32"
}

variable "subnet_id" {
  description = "Subnet for the instances"
  type        = string
}

variable "ami_id" {
  description = "Image for the instances"
  type        = string
}
