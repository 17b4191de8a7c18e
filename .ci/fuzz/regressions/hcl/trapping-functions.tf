resource "aws_instance" "a" {
  instance_type = "t3.micro"
  a = format("%99999999999999999999d", 1)
  b = format("%.99999999999999999999f", 1)
  c = pow(1000000000000000000, 1024)
  d = pow(0.000000000000000001, 1024)
  e = pow(10, 5000.5)
  f = log(0, 10)
  g = parseint("1", 1)
  h = substr("abc", 1, 9223372036854775807)
  i = cidrsubnet("10.0.0.0/16", 9223372036854775807, 0)
  j = cidrsubnets("10.0.0.0/16", 9223372036854775807)
  k = indent(-1, "a\nb")
  l = indent(1000000000, "a\nb")
}
