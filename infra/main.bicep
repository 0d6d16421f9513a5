// CartRecovery on Azure: a Flex Consumption Function App (isolated worker, .NET 10, Durable Functions on Azure Storage),
// its storage account reached with a managed identity (no shared keys), Application Insights, an email service, and a
// Key Vault holding the secrets the app settings reference.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user, granted data access to the storage account for local debugging. Optional.')
param principalId string = ''

@description('The Shopify app client id (session-token audience).')
param shopifyApiKey string

@secure()
@description('The Shopify app client secret (webhook HMAC and session tokens).')
param shopifyApiSecret string

@secure()
@minLength(32)
@description('Key signing tracking and unsubscribe links (32+ characters); keep it across deployments or sent links stop working.')
param appSigningKey string

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module app 'app.bicep' = {
  name: 'cartrecovery-app'
  scope: rg
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    principalId: principalId
    shopifyApiKey: shopifyApiKey
    shopifyApiSecret: shopifyApiSecret
    appSigningKey: appSigningKey
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = app.outputs.functionAppName
output SERVICE_API_NAME string = app.outputs.functionAppName
output SERVICE_API_URI string = app.outputs.functionAppUri
output AZURE_KEY_VAULT_NAME string = app.outputs.keyVaultName
output AZURE_KEY_VAULT_ENDPOINT string = app.outputs.keyVaultEndpoint
output AZURE_STORAGE_ACCOUNT_NAME string = app.outputs.storageAccountName
output AZURE_CLIENT_ID string = app.outputs.identityClientId
output APPLICATIONINSIGHTS_NAME string = app.outputs.applicationInsightsName
