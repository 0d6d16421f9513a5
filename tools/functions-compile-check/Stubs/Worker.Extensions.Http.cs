// Stand-ins for package Microsoft.Azure.Functions.Worker.Extensions.Http (Azure/azure-functions-dotnet-worker,
// extensions/Worker.Extensions.Http/src). HttpTriggerAttribute: sealed, : TriggerBindingAttribute, the four constructors
// below, Route { get; set; } (read from the repo's source as the code search returned it). AuthorizationLevel: the
// worker's own file was not in the stored index; the values are the ones the worker's generated-metadata samples and the
// WebJobs enum it mirrors use (Anonymous, User, Function, System, Admin).
#pragma warning disable CS1591

using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    public enum AuthorizationLevel
    {
        Anonymous,
        User,
        Function,
        System,
        Admin,
    }

    public sealed class HttpTriggerAttribute : TriggerBindingAttribute
    {
        public HttpTriggerAttribute() => AuthLevel = AuthorizationLevel.Function;

        public HttpTriggerAttribute(params string[] methods) => Methods = methods;

        public HttpTriggerAttribute(AuthorizationLevel authLevel) => AuthLevel = authLevel;

        public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
        {
            AuthLevel = authLevel;
            Methods = methods;
        }

        public string? Route { get; set; }

        public string[]? Methods { get; }

        public AuthorizationLevel AuthLevel { get; }
    }
}
