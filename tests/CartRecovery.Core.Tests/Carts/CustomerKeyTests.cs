using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Tests.Carts;

public sealed class CustomerKeyTests
{
    [Fact]
    public void Customer_id_wins_over_email() =>
        Assert.Equal("id:42", CustomerKey.From(42, "Someone@Example.com"));

    [Fact]
    public void Email_is_trimmed_and_lower_cased_so_two_devices_match() =>
        Assert.Equal(CustomerKey.From(null, " Ana@Example.COM "), CustomerKey.From(null, "ana@example.com"));

    [Fact]
    public void Unknown_shopper_has_no_key() =>
        Assert.Null(CustomerKey.From(null, "  "));
}
