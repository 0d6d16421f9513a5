using Azure;
using Azure.Core;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Storage.Tests.Tables;

/// <summary>Continuation cases Azurite does not produce on demand (empty pages), scripted on a loopback server.</summary>
public sealed class TableQueryContinuationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_page_with_a_continuation_does_not_end_the_query()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Respond = (request, context) =>
        {
            context.Response.ContentType = "application/json;odata=minimalmetadata";
            if (!request.QueryString.Contains("NextPartitionKey", StringComparison.Ordinal))
            {
                context.Response.Headers["x-ms-continuation-NextPartitionKey"] = "1!8!cDI-";
                context.Response.Headers["x-ms-continuation-NextRowKey"] = "1!4!cjE-";
                return context.Response.WriteAsync("""{"value":[]}""");
            }

            return context.Response.WriteAsync("""{"value":[{"odata.etag":"W/\"datetime'2026-01-01T00%3A00%3A00Z'\"","PartitionKey":"p2","RowKey":"r1","Timestamp":"2026-01-01T00:00:00.0000000Z","N@odata.type":"Edm.Int64","N":"7"}]}""");
        };
        var service = new TableServiceClient($"AccountName=acct;AccountKey={AzuriteServer.DevAccountKey};TableEndpoint={server.BaseAddress}acct");
        var table = service.GetTableClient("carts");

        var entities = await table.QueryAsync(TableClient.CreateQueryFilter($"N gt {1L}"), cancellationToken: Cancel).ToListAsync(Cancel);
        var pages = await table.QueryAsync(cancellationToken: Cancel).AsPages().ToListAsync(Cancel);

        var entity = Assert.Single(entities);
        Assert.Equal(7L, entity["N"]);
        Assert.Equal(new ETag("W/\"datetime'2026-01-01T00%3A00%3A00Z'\""), entity.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), entity.Timestamp);
        Assert.Equal(2, pages.Count);
        Assert.Empty(pages[0].Values);
        Assert.Equal("1!8!cDI- 1!4!cjE-", pages[0].ContinuationToken);
        var resumed = server.Requests[1];
        Assert.Contains("$filter=N%20gt%201L", resumed.QueryString, StringComparison.Ordinal);
        Assert.Contains("NextPartitionKey=1%218%21cDI-", resumed.QueryString, StringComparison.Ordinal);
        Assert.Contains("NextRowKey=1%214%21cjE-", resumed.QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continuation_token_from_outside_is_escaped_and_cannot_add_query_parameters()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Respond = (_, context) => context.Response.WriteAsync("""{"value":[]}""");
        var service = new TableServiceClient($"AccountName=acct;AccountKey={AzuriteServer.DevAccountKey};TableEndpoint={server.BaseAddress}acct");

        await service.GetTableClient("carts").QueryAsync("Shop eq 'a'", cancellationToken: Cancel).AsPages("p&$filter=true&$top=1000 r#x").ToListAsync(Cancel);

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Assert.Single(server.Requests).QueryString);
        Assert.Equal("Shop eq 'a'", query["$filter"].Single());
        Assert.False(query.ContainsKey("$top"));
        Assert.Equal("p&$filter=true&$top=1000", query["NextPartitionKey"].Single());
        Assert.Equal("r#x", query["NextRowKey"].Single());
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_the_query()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Respond = (_, context) =>
        {
            context.Response.Headers["x-ms-continuation-NextPartitionKey"] = "again";
            return context.Response.WriteAsync("""{"value":[{"PartitionKey":"p","RowKey":"r"}]}""");
        };
        var service = new TableServiceClient($"AccountName=acct;AccountKey={AzuriteServer.DevAccountKey};TableEndpoint={server.BaseAddress}acct");
        using var stop = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in service.GetTableClient("carts").QueryAsync(cancellationToken: stop.Token))
            {
                if (++seen == 3)
                {
                    await stop.CancelAsync();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal(3, server.Requests.Count);
    }
}
