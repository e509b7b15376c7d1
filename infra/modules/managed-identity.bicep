metadata description = 'The user-assigned managed identity the function app runs as (storage, Key Vault, Application Insights).'

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output resourceId string = identity.id

@description('Client id: AZURE_CLIENT_ID and AzureWebJobsStorage__clientId point DefaultAzureCredential at it.')
output clientId string = identity.properties.clientId

@description('Object (principal) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
