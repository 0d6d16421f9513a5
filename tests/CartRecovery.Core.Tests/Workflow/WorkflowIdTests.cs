using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Tests.Workflow;

public sealed class WorkflowIdTests
{
    [Fact]
    public void Same_store_and_cart_give_the_same_id_whatever_the_case_of_the_domain() =>
        Assert.Equal(WorkflowId.For("Shop.myshopify.com", "tok"), WorkflowId.For("shop.myshopify.com", "tok"));

    [Fact]
    public void Different_carts_give_different_ids() =>
        Assert.NotEqual(WorkflowId.For("shop.myshopify.com", "a"), WorkflowId.For("shop.myshopify.com", "b"));

    [Fact]
    public void Id_is_a_safe_table_key_even_for_hostile_tokens()
    {
        var id = WorkflowId.For("shop.myshopify.com", "a/b\\c#d?e'f\u0001");
        Assert.Matches("^cart-[0-9a-f]{32}$", id.Value);
    }
}
