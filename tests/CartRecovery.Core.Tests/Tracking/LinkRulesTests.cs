using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;

namespace CartRecovery.Core.Tests.Tracking;

public sealed class LinkRulesTests
{
    private static readonly ShopProfile Store = new("a-shop.myshopify.com", "A Shop", "en", ["shop.example.com"]);

    [Fact]
    public void Utm_parameters_are_added_after_the_existing_query_and_before_the_fragment()
    {
        var url = Utm.Apply("https://shop.example.com/checkouts/c1/recover?key=k1#top", Channel.Sms, "step 2");

        Assert.Equal("https://shop.example.com/checkouts/c1/recover?key=k1&utm_source=cartrecovery&utm_medium=sms&utm_campaign=cart_recovery&utm_content=step%202#top", url);
    }

    [Fact]
    public void Existing_utm_parameters_are_replaced_not_duplicated()
    {
        var url = Utm.Apply("https://shop.example.com/cart?utm_source=other&a=1&UTM_MEDIUM=x", Channel.Email, "s1");

        Assert.Equal("https://shop.example.com/cart?a=1&utm_source=cartrecovery&utm_medium=email&utm_campaign=cart_recovery&utm_content=s1", url);
    }

    [Theory]
    [InlineData("https://a-shop.myshopify.com/cart")]
    [InlineData("https://shop.example.com/checkouts/x/recover?key=1")]
    [InlineData("https://SHOP.example.com/")]
    public void Store_domains_are_allowed(string target) => Assert.True(RedirectAllowList.IsAllowed(target, Store, allowInsecure: false));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://shop.example.com.evil.example/")]
    [InlineData("https://evilshop.example.com/")]
    [InlineData("https://shop.example.com@evil.example/")]
    [InlineData("https://user:pass@shop.example.com/")]
    [InlineData("http://shop.example.com/")]
    [InlineData("https://shop.example.com:8443/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/")]
    [InlineData("/relative")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_an_open_redirect(string? target) => Assert.False(RedirectAllowList.IsAllowed(target, Store, allowInsecure: false));

    [Fact]
    public void Insecure_mode_allows_http_and_ports_but_still_only_store_hosts()
    {
        Assert.True(RedirectAllowList.IsAllowed("http://shop.example.com:8080/cart", Store, allowInsecure: true));
        Assert.False(RedirectAllowList.IsAllowed("http://evil.example:8080/cart", Store, allowInsecure: true));
        Assert.False(RedirectAllowList.IsAllowed("ftp://shop.example.com/cart", Store, allowInsecure: true));
    }
}
