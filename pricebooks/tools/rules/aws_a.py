"""aws-a families: golden rows whose price depends on an attribute the component name does not carry.

aws_dms_replication_instance: the instance and its storage are priced single- or multi-AZ (the row's tf.multi_az),
keyed `.../multi-az=true|false`.
"""
from pricebook import slug


def prices(g):
    if g.tf == "aws_dms_replication_instance" and "multi_az" in g.tfa:
        key = "aws/tf/%s/%s/%s/%s/multi-az=%s" % (g.tf, g.region, slug(g.component), slug(g.unit), g.tfa["multi_az"].lower())
        return [(key, g.unit, g.price, "multi_az=%s (%s)" % (g.tfa["multi_az"], g.example))]
    return None
