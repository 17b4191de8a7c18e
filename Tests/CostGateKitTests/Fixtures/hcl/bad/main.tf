# broken on purpose
resource "aws_instance" "x" 
{
}
