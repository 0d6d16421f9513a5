// Stand-ins for package Microsoft.Azure.Functions.Worker.Extensions.Abstractions (Azure/azure-functions-dotnet-worker,
// extensions/Worker.Extensions.Abstractions/src): the base classes of the trigger and binding attributes.
#pragma warning disable CS1591

namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions
{
    public abstract class BindingAttribute : Attribute
    {
    }

    public abstract class TriggerBindingAttribute : BindingAttribute
    {
    }

    public abstract class InputBindingAttribute : BindingAttribute
    {
    }
}
