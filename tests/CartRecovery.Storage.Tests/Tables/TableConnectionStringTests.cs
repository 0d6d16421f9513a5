using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcw=="; // "secret-key-bytes"

    [Fact]
    public void Development_storage_is_azurite_on_its_default_table_port()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(Convert.FromBase64String(AzuriteServer.DevAccountKey), parsed.AccountKey);
    }

    [Fact]
    public void Account_name_and_key_build_the_public_endpoint_from_protocol_and_suffix()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=myacct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("myacct", parsed.AccountName);
        Assert.Equal(new Uri("https://myacct.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal("secret-key-bytes"u8.ToArray(), parsed.AccountKey);
    }

    [Fact]
    public void Protocol_and_suffix_default_to_https_and_the_public_cloud_and_names_are_case_insensitive()
    {
        var parsed = TableConnectionString.Parse($" accountname = myacct ; ACCOUNTKEY={Key};");

        Assert.Equal(new Uri("https://myacct.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void An_explicit_table_endpoint_wins_and_keeps_its_path()
    {
        var parsed = TableConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:1/x;TableEndpoint=http://127.0.0.1:12345/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:12345/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(";;", "empty")]
    [InlineData("AccountName=a", "no AccountKey")]
    [InlineData("AccountKey=" + Key, "no AccountName")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";AccountName=b", "more than once")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";TableEndpoint=not a url", "TableEndpoint")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";TableEndpoint=http://h/x?sig=1", "query")]
    [InlineData("AccountName=a.b;AccountKey=" + Key, "AccountName")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("UseDevelopmentStorage=yes", "UseDevelopmentStorage")]
    public void Malformed_strings_say_what_is_wrong(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=a;AccountKey=not*base64!!")]
    [InlineData("AccountName=a;AccountKey=c2VjcmV0LWtleS1ieXRlcw=;")]
    public void A_key_that_is_not_base64_is_rejected_without_echoing_it(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse(connectionString));

        Assert.Contains("AccountKey is not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("base64!!", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_without_equals_is_reported_by_position_not_by_content()
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse($"AccountName=a;{Key[..10]}"));

        Assert.Contains("segment 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..10], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_access_signatures_are_refused_with_the_reason()
    {
        var error = Assert.Throws<NotSupportedException>(() => TableConnectionString.Parse("TableEndpoint=https://a.table.core.windows.net;SharedAccessSignature=sv=2020&sig=x"));

        Assert.Contains("SharedAccessSignature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void To_string_never_shows_the_key()
    {
        var text = TableConnectionString.Parse($"AccountName=a;AccountKey={Key}").ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("AccountName=a", text, StringComparison.Ordinal);
    }
}
