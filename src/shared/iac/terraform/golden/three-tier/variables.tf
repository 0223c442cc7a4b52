variable "office_cidr" {
  description = "Office"
  type        = string
  default     = "198.51.100.0/24"
}

variable "subnet_id" {
  description = "Subnet for the instances"
  type        = string
}

variable "subnet_ids" {
  description = "Subnets for load balancers, functions, services and endpoints"
  type        = list(string)
}

variable "ami_id" {
  description = "Image for the instances"
  type        = string
}
