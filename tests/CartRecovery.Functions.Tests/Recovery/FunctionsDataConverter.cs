using System.Text;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Functions.Tests.Recovery;

/// <summary>
/// The serializer Durable Functions uses in the isolated worker: the worker's own <see cref="WorkerOptions.Serializer"/> as
/// the Functions host configures it, behind a <see cref="DataConverter"/> as the Durable extension's (internal) shim does. So
/// orchestration inputs, outputs, events and activity payloads make the same JSON round trip here as in Azure.
/// </summary>
internal sealed class FunctionsDataConverter(ObjectSerializer serializer) : DataConverter
{
    public static FunctionsDataConverter FromWorkerDefaults()
    {
        var collection = new ServiceCollection();
        collection.AddFunctionsWorkerDefaults();
        using var services = collection.BuildServiceProvider();
        var serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
            ?? throw new InvalidOperationException("The Functions worker configured no serializer.");
        return new FunctionsDataConverter(serializer);
    }

    public override string? Serialize(object? value) =>
        value is null ? null : serializer.Serialize(value, value.GetType(), default).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(data), writable: false);
        return serializer.Deserialize(stream, targetType, default);
    }
}
