using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void The_format_itself_is_kept_verbatim_and_numbers_ignore_the_current_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("PartitionKey eq 'p' and Price lt 1234.5", TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Price lt {1234.5}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Any_string_stays_inside_one_literal()
    {
        // Property: whatever the value, the filter is the prefix, one quoted literal whose inner quotes are all doubled, and the suffix.
        FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500), FsCheck.Fluent.Prop.ForAll<string>(value =>
        {
            value ??= string.Empty;
            var filter = TableClient.CreateQueryFilter($"Name eq {value} and Other eq 1");
            var literal = filter["Name eq ".Length..^" and Other eq 1".Length];
            return literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\''
                && literal[1..^1].Replace("''", string.Empty, StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0
                && literal[1..^1].Replace("''", "'", StringComparison.Ordinal) == value;
        }));
    }

    [Fact]
    public async Task The_filter_reaches_the_server_percent_encoded_and_decodes_to_exactly_itself()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Respond = (_, context) =>
        {
            context.Response.ContentType = "application/json";
            return Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "{\"value\":[]}");
        };
        var service = new TableServiceClient($"AccountName=acct;AccountKey={AzuriteServer.DevAccountKey};TableEndpoint={server.BaseAddress}acct");
        var filter = TableClient.CreateQueryFilter($"Name eq {"a&b=c #frag +plus 100% ü"}");

        await service.GetTableClient("carts").QueryAsync(filter, maxPerPage: 5, select: ["Name", "Id"], cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/acct/carts()", request.Path);
        Assert.Contains("%26", request.QueryString, StringComparison.Ordinal);
        Assert.Contains("%23", request.QueryString, StringComparison.Ordinal);
        Assert.Contains("%2B", request.QueryString, StringComparison.Ordinal);
        Assert.DoesNotContain("#", request.QueryString, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString);
        Assert.Equal(filter, query["$filter"].Single());
        Assert.Equal("5", query["$top"].Single());
        Assert.Equal("Name,Id", query["$select"].Single());
        Assert.Equal("application/json;odata=minimalmetadata", request.Header("Accept"));
    }
}
