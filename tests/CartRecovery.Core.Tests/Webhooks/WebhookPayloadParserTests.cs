using System.Text;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Webhooks;

public sealed class WebhookPayloadParserTests
{
    private const string Shop = "example-shop.myshopify.com";

    private static WebhookParseResult Parse(WebhookTopic topic, string json) => WebhookPayloadParser.Parse(topic, Encoding.UTF8.GetBytes(json), Shop);

    [Theory]
    [InlineData(WebhookTopic.CartsCreate, "carts_create", typeof(ShopifyCart))]
    [InlineData(WebhookTopic.CartsUpdate, "carts_update_large", typeof(ShopifyCart))]
    [InlineData(WebhookTopic.CheckoutsCreate, "checkouts_create", typeof(ShopifyCheckout))]
    [InlineData(WebhookTopic.CheckoutsUpdate, "checkouts_update_minimal", typeof(ShopifyCheckout))]
    [InlineData(WebhookTopic.CheckoutsDelete, "checkouts_delete", typeof(ShopifyCheckoutDeletion))]
    [InlineData(WebhookTopic.OrdersCreate, "orders_create", typeof(ShopifyOrder))]
    [InlineData(WebhookTopic.OrdersPaid, "orders_create", typeof(ShopifyOrder))]
    [InlineData(WebhookTopic.AppUninstalled, "app_uninstalled", typeof(ShopifyShop))]
    [InlineData(WebhookTopic.CustomersDataRequest, "customers_data_request", typeof(ShopifyCustomersDataRequest))]
    [InlineData(WebhookTopic.CustomersRedact, "customers_redact", typeof(ShopifyCustomersRedact))]
    [InlineData(WebhookTopic.ShopRedact, "shop_redact", typeof(ShopifyShopRedact))]
    public void Every_fixture_parses_into_its_topic_model(WebhookTopic topic, string fixture, Type model)
    {
        var result = Parse(topic, ShopifyFixtures.Text(fixture));
        Assert.Null(result.Error);
        Assert.Equal(topic, result.Parsed!.Topic);
        Assert.IsType(model, result.Parsed.Payload);
    }

    [Fact]
    public void Large_cart_keeps_all_250_lines_and_their_unicode_titles()
    {
        var cart = (ShopifyCart)Parse(WebhookTopic.CartsUpdate, ShopifyFixtures.Text("carts_update_large")).Parsed!.Payload;
        Assert.Equal(250, cart.LineItems!.Count);
        Assert.StartsWith("日本茶セット", cart.LineItems[1].Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"token\": }")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    public void Malformed_json_is_refused_with_a_reason(string body)
    {
        var result = Parse(WebhookTopic.CheckoutsUpdate, body);
        Assert.Null(result.Parsed);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData(WebhookTopic.CheckoutsCreate, "{\"line_items\": []}", "token")]
    [InlineData(WebhookTopic.CheckoutsUpdate, "{\"token\": \"t\"}", "line_items")]
    [InlineData(WebhookTopic.CartsUpdate, "{\"line_items\": []}", "token")]
    [InlineData(WebhookTopic.CartsCreate, "{\"token\": \"t\"}", "line_items")]
    [InlineData(WebhookTopic.CheckoutsDelete, "{\"cart_token\": \"c\"}", "id")]
    [InlineData(WebhookTopic.OrdersCreate, "{\"checkout_token\": \"t\", \"order_number\": 1001}", "id")]
    [InlineData(WebhookTopic.CustomersRedact, "{\"shop_id\": 1, \"shop_domain\": \"example-shop.myshopify.com\"}", "customer")]
    [InlineData(WebhookTopic.CustomersDataRequest, "{\"shop_id\": 1, \"shop_domain\": \"example-shop.myshopify.com\", \"customer\": {}}", "customer")]
    [InlineData(WebhookTopic.CustomersDataRequest, "{\"shop_domain\": \"example-shop.myshopify.com\", \"customer\": {\"id\": 1}}", "shop_id")]
    [InlineData(WebhookTopic.ShopRedact, "{\"shop_id\": 1}", "shop_domain")]
    [InlineData(WebhookTopic.CartsCreate, "{\"token\": \"t\", \"line_items\": [{\"quantity\": -1}]}", "negative")]
    public void Payload_missing_what_its_topic_needs_is_refused_naming_it(WebhookTopic topic, string body, string mentioned)
    {
        var result = Parse(topic, body);
        Assert.Null(result.Parsed);
        Assert.Contains(mentioned, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Wrongly_typed_field_is_refused_without_echoing_the_value()
    {
        var result = Parse(WebhookTopic.CheckoutsCreate, "{\"token\": \"t\", \"line_items\": [{\"price\": \"secret@example.com\"}]}");
        Assert.Null(result.Parsed);
        Assert.Contains("line_items[0].price", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@example.com", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Privacy_payload_for_another_shop_is_refused()
    {
        var body = ShopifyFixtures.Text("customers_redact").Replace("example-shop.myshopify.com", "other-shop.myshopify.com", StringComparison.Ordinal);
        Assert.Contains("shop_domain", Parse(WebhookTopic.CustomersRedact, body).Error, StringComparison.Ordinal);
    }

    /// <summary>Which topics each fixture's body legitimately belongs to (the family of its topic).</summary>
    private static readonly Dictionary<string, WebhookTopic[]> Families = new()
    {
        ["carts_create"] = [WebhookTopic.CartsCreate, WebhookTopic.CartsUpdate],
        ["checkouts_create"] = [WebhookTopic.CheckoutsCreate, WebhookTopic.CheckoutsUpdate],
        ["checkouts_update_minimal"] = [WebhookTopic.CheckoutsCreate, WebhookTopic.CheckoutsUpdate],
        ["checkouts_delete"] = [WebhookTopic.CheckoutsDelete],
        ["orders_create"] = [WebhookTopic.OrdersCreate, WebhookTopic.OrdersPaid],
        ["app_uninstalled"] = [WebhookTopic.AppUninstalled],
        ["customers_data_request"] = [WebhookTopic.CustomersDataRequest],
        ["customers_redact"] = [WebhookTopic.CustomersRedact],
        ["shop_redact"] = [WebhookTopic.ShopRedact],
    };

    public static TheoryData<string, WebhookTopic> EveryFixtureUnderEveryTopic()
    {
        var data = new TheoryData<string, WebhookTopic>();
        foreach (var fixture in Families.Keys)
        {
            foreach (var topic in Enum.GetValues<WebhookTopic>().Where(t => t != WebhookTopic.Unknown))
            {
                data.Add(fixture, topic);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFixtureUnderEveryTopic))]
    public void A_body_is_accepted_only_under_the_topics_it_belongs_to(string fixture, WebhookTopic topic)
    {
        var result = Parse(topic, ShopifyFixtures.Text(fixture));
        if (Families[fixture].Contains(topic))
        {
            Assert.Null(result.Error);
        }
        else
        {
            Assert.Null(result.Parsed);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Fact]
    public void App_uninstalled_for_another_shop_is_refused()
    {
        var body = ShopifyFixtures.Text("app_uninstalled").Replace("example-shop.myshopify.com", "other-shop.myshopify.com", StringComparison.Ordinal);
        Assert.Contains("myshopify_domain", Parse(WebhookTopic.AppUninstalled, body).Error, StringComparison.Ordinal);
    }
}
