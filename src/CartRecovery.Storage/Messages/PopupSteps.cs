using System.Text.Json;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Storage.Messages;

/// <summary>
/// The step of a pending popup, kept on its message row as UTF-8 JSON in a binary property (64 KiB). The popup shows at most
/// three items, so only those are kept: a 250-line cart still fits.
/// </summary>
internal static class PopupSteps
{
    private const int ItemsShown = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(StepRequest step) =>
        JsonSerializer.SerializeToUtf8Bytes(step with { Cart = step.Cart with { Lines = step.Cart.Lines.Take(ItemsShown).ToArray() } }, Json);

    public static StepRequest Deserialize(byte[] json) =>
        JsonSerializer.Deserialize<StepRequest>(json, Json) ?? throw new InvalidDataException("An empty popup step was stored.");
}
