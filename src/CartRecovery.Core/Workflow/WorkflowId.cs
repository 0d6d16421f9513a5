using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// One recovery workflow per cart: the id is derived from the store and the cart key, so a second start for the same cart
/// finds the running instance instead of creating another (Durable Functions instance id, runner row key).
/// Hashed so that any token is a safe Table Storage key and a safe Durable instance id.
/// </summary>
public readonly record struct WorkflowId(string Value)
{
    public static WorkflowId For(string shop, string cartKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{shop.ToLowerInvariant()}\n{cartKey}"));
        return new WorkflowId("cart-" + Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    public override string ToString() => Value;
}
