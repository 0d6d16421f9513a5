using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CartRecovery.Testing;

namespace CartRecovery.Infra.Tests;

/// <summary>What a deployment of infra/ needs to run CartRecovery on Flex Consumption with Durable Functions, read from the ARM JSON.</summary>
public sealed partial class InfraTemplateTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private ArmTemplate App => infra.App;

    private JsonObject Site => App.Resource("Microsoft.Web/sites");

    private Dictionary<string, string> AppSettings => Site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
        .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    [Fact]
    public void Bicep_reports_no_error_or_warning()
    {
        Assert.DoesNotMatch(DiagnosticPattern(), infra.Diagnostics);
    }

    [Fact]
    public void The_function_app_runs_on_flex_consumption_with_the_dotnet_isolated_runtime_the_projects_target()
    {
        var plan = App.Resource("Microsoft.Web/serverfarms");
        Assert.Equal(("FlexConsumption", "FC1"), ((string?)plan["sku"]!["tier"], (string?)plan["sku"]!["name"]));
        Assert.True((bool?)plan["properties"]!["reserved"]); // Linux

        Assert.Contains("functionapp", (string)Site["kind"]!);
        Assert.Contains(ArmTemplate.NameExpression(plan), (string)Site["properties"]!["serverFarmId"]!);
        var runtime = Site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        var targetFramework = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        Assert.Equal(targetFramework.Replace("net", string.Empty, StringComparison.Ordinal), (string?)runtime["version"]);

        // Flex takes its runtime from functionAppConfig only and rejects the settings of the older plans.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", AppSettings.Keys);
        Assert.Null(Site["properties"]!["siteConfig"]!["linuxFxVersion"]);
    }

    [Fact]
    public void The_package_is_deployed_to_a_blob_container_with_the_user_assigned_identity()
    {
        var identity = App.Resource("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.Equal("UserAssigned", (string?)Site["identity"]!["type"]);
        Assert.Contains(ArmTemplate.NameExpression(identity), Site["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key);

        var storage = Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)storage["type"]);
        var container = App.Resource("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Contains(NameVariable(container), (string)storage["value"]!);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Contains(ArmTemplate.NameExpression(identity), (string)storage["authentication"]!["userAssignedIdentityResourceId"]!);
    }

    [Fact]
    public void The_identity_holds_blob_queue_and_table_data_roles_on_the_storage_account_as_durable_functions_needs()
    {
        var granted = RolesOfAppIdentityOn("Microsoft.Storage/storageAccounts");

        Assert.Superset(new HashSet<string> { BlobDataOwner, QueueDataContributor, TableDataContributor }, granted);
    }

    [Fact]
    public void Storage_takes_no_shared_key_and_the_host_connects_with_the_identity()
    {
        var storage = App.Resource("Microsoft.Storage/storageAccounts");
        Assert.False((bool?)storage["properties"]!["allowSharedKeyAccess"]);
        Assert.False((bool?)storage["properties"]!["allowBlobPublicAccess"]);

        var settings = AppSettings;
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys); // a connection string would need a key
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        var identity = ArmTemplate.NameExpression(App.Resource("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Contains(identity, settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.EndsWith($".primaryEndpoints.{service}]", settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }

        Assert.EndsWith(".primaryEndpoints.table]", settings["Storage__TableEndpoint"]);
        Assert.Contains(identity, settings["Storage__ManagedIdentityClientId"]);
    }

    [Fact]
    public void Application_insights_keeps_its_data_in_log_analytics_and_takes_entra_tokens_from_the_identity()
    {
        var workspace = App.Resource("Microsoft.OperationalInsights/workspaces");
        var insights = App.Resource("Microsoft.Insights/components");
        Assert.Contains(ArmTemplate.NameExpression(workspace), (string)insights["properties"]!["WorkspaceResourceId"]!);
        Assert.True((bool?)insights["properties"]!["DisableLocalAuth"]);

        var settings = AppSettings;
        Assert.Contains(ArmTemplate.NameExpression(insights), settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains(MonitoringMetricsPublisher, RolesOfAppIdentityOn("Microsoft.Insights/components"));
    }

    [Fact]
    public void Email_goes_through_azure_communication_services_with_a_linked_email_domain()
    {
        var domain = App.Resource("Microsoft.Communication/emailServices/domains");
        App.Resource("Microsoft.Communication/emailServices");
        var communication = App.Resource("Microsoft.Communication/communicationServices");
        var linked = Assert.Single(communication["properties"]!["linkedDomains"]!.AsArray());
        Assert.Contains("Microsoft.Communication/emailServices/domains", (string)linked!);

        Assert.Equal("Acs", AppSettings["Email__Provider"]);
        Assert.Contains("mailFromSenderDomain", AppSettings["Email__FromAddress"]);
        Assert.NotNull(domain["properties"]!["domainManagement"]);
    }

    [Theory]
    [InlineData("Shopify__ApiSecrets__0", "shopify-api-secret", "shopifyApiSecret")]
    [InlineData("App__SigningKey", "app-signing-key", "appSigningKey")]
    [InlineData("Email__Acs__ConnectionString", "acs-connection-string", null)]
    public void Secrets_are_key_vault_references_resolved_by_the_identity(string setting, string secretName, string? parameter)
    {
        var vault = App.Resource("Microsoft.KeyVault/vaults");
        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);

        var secret = Assert.Single(App.Resources("Microsoft.KeyVault/vaults/secrets"), s => ((string)s["name"]!).Contains($"'{secretName}'", StringComparison.Ordinal));
        if (parameter is not null)
        {
            Assert.Equal($"[parameters('{parameter}')]", (string?)secret["properties"]!["value"]);
            Assert.Equal("securestring", (string?)App.Parameters[parameter]!["type"]);
            Assert.Equal("securestring", (string?)infra.Main.Parameters[parameter]!["type"]);
            Assert.Equal($"[parameters('{parameter}')]", (string?)infra.ModuleParameters[parameter]!["value"]);
        }

        var value = AppSettings[setting];
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})', reference(resourceId('Microsoft.KeyVault/vaults/secrets'", value);
        Assert.Contains($"'{secretName}')", value);
        Assert.EndsWith(".secretUri)]", value); // unversioned: a rotated secret applies without a redeployment

        var identity = ArmTemplate.NameExpression(App.Resource("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Contains(identity, (string)Site["properties"]!["keyVaultReferenceIdentity"]!);
        Assert.Contains(KeyVaultSecretsUser, RolesOfAppIdentityOn("Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public void No_app_setting_carries_a_secret_inline()
    {
        var secureParameters = App.Parameters.Where(p => (string?)p.Value!["type"] == "securestring").Select(p => p.Key).ToList();
        Assert.NotEmpty(secureParameters);
        foreach (var (name, value) in AppSettings)
        {
            Assert.False(value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase), $"{name} holds a listKeys() result");
            Assert.False(value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase), $"{name} holds an account key");
            Assert.DoesNotContain(secureParameters, p => value.Contains($"parameters('{p}')", StringComparison.Ordinal));
        }
    }

    /// <summary>Role definition ids the app's identity is granted on resources of <paramref name="scopeType"/>.</summary>
    private HashSet<string> RolesOfAppIdentityOn(string scopeType)
    {
        var identity = ArmTemplate.NameExpression(App.Resource("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in App.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var scope = (string?)assignment["scope"] ?? string.Empty;
            var principal = (string?)assignment["properties"]!["principalId"] ?? string.Empty;
            if (!scope.Contains($"'{scopeType}'", StringComparison.Ordinal) || !principal.Contains(identity, StringComparison.Ordinal) || assignment["condition"] is not null)
            {
                continue;
            }

            roles.UnionWith(RoleIds((string)assignment["properties"]!["roleDefinitionId"]!));
        }

        return roles;
    }

    /// <summary>Role ids in a roleDefinitionId expression: literal GUIDs, or the GUIDs of the variable (or array, under copy) it names.</summary>
    private IEnumerable<string> RoleIds(string expression)
    {
        foreach (Match match in GuidPattern().Matches(expression))
        {
            yield return match.Value;
        }

        foreach (Match match in VariablePattern().Matches(expression))
        {
            var variable = App.Variables[match.Groups[1].Value];
            var values = variable is JsonArray array ? array.Select(v => (string)v!) : [(string)variable!];
            foreach (var value in values)
            {
                yield return value;
            }
        }
    }

    private static string NameVariable(JsonObject resource) => VariablePattern().Matches((string)resource["name"]!).Last().Value;

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@": (Warning|Error) ")]
    private static partial Regex DiagnosticPattern();
}
