import { roleAssignment } from 'types.bicep'

metadata description = 'The Key Vault that holds the app\'s secrets (values set by the operator, never by this template), with RBAC authorization.'

@description('Name of the vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags object = {}

@description('Days a deleted vault or secret can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection: once on it cannot be turned off, and a deleted vault keeps its name for the retention period.')
param enablePurgeProtection bool = true

@description('Role assignments on the vault: principal id, role definition GUID and principal type.')
param roleAssignments roleAssignment[] = []

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with Azure roles (Key Vault Secrets User for the app), not access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service refuses false here once enabled; null leaves it off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(vault.id, assignment.principalId, assignment.roleDefinitionId)
    scope: vault
    properties: {
      principalId: assignment.principalId
      principalType: assignment.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
    }
  }
]

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI (https://<name>.vault.azure.net/): the app\'s KEY_VAULT_URI.')
output uri string = vault.properties.vaultUri
