"""An ADF document as a typical provider sends it, for the intake tests."""

ADF = """<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
 <prospect status="{status}">
  <id sequence="1" source="AutoTrader">{lead_id}</id>
  <requestdate>2024-05-01T10:30:00-04:00</requestdate>
  <vehicle interest="buy" status="used">
   <year>2021</year><make>Toyota</make><model>RAV4</model>
  </vehicle>
  <vehicle interest="trade-in"><year>2012</year><make>Honda</make>
   <model>Civic</model></vehicle>
  <customer>
   <contact>
    <name part="first">Marie</name><name part="last">Tremblay</name>
    <email>marie@example.ca</email>
    <phone type="cellphone">(514) 555-0188</phone>
   </contact>
   <comments>Is it still available?</comments>
  </customer>
  <vendor><vendorname>Another Dealer Inc.</vendorname></vendor>
 </prospect>
</adf>
"""


def adf(lead_id: str = "A-1", status: str = "new") -> bytes:
    return ADF.format(lead_id=lead_id, status=status).encode()
