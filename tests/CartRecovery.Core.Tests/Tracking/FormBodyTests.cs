using System.Text;
using CartRecovery.Core.Tracking;

namespace CartRecovery.Core.Tests.Tracking;

public sealed class FormBodyTests
{
    [Fact]
    public void Url_encoded_fields_are_decoded_and_the_first_value_wins()
    {
        var form = FormBody.Parse(Encoding.UTF8.GetBytes("List-Unsubscribe=One-Click&a=b%20c+d&a=second&bad=%zz"), "application/x-www-form-urlencoded");

        Assert.Equal("One-Click", form["List-Unsubscribe"]);
        Assert.Equal("b c d", form["a"]);
        Assert.Equal("%zz", form["bad"]);
    }

    [Fact]
    public void Multipart_fields_are_read_as_rfc_8058_recommends()
    {
        const string body = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ\r\nContent-Disposition: form-data; name=other\r\n\r\nvalue\r\n--XyZ--\r\n";

        var form = FormBody.Parse(Encoding.UTF8.GetBytes(body), "multipart/form-data; boundary=\"XyZ\"");

        Assert.Equal("One-Click", form["List-Unsubscribe"]);
        Assert.Equal("value", form["other"]);
    }
}
