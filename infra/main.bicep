// OdooFunctions on Azure: a Flex Consumption function app (.NET 10 isolated) that runs as a
// user-assigned managed identity, with its host storage, Key Vault and Application Insights.
// Deployed by `azd up` (azure.yaml at the top level); secret VALUES are set by the operator
// afterwards (README, "Deploy to Azure with azd"), never here.
targetScope = 'subscription'

metadata description = 'OdooFunctions: Flex Consumption function app, managed identity, identity-only storage, Key Vault (RBAC), Application Insights.'

// ---------- Environment (azd fills these) ----------

@description('azd environment name: names the resource group and seeds the resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region for every resource; it must offer the Flex Consumption plan.')
@minLength(1)
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group to create; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID): given Key Vault Secrets Officer so they can set the secrets. Empty: nobody.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// ---------- Odoo ----------

@description('ODOO_URL: base address of the Odoo server, https://... (the app warns about plain http).')
@minLength(1)
param odooUrl string

@description('ODOO_DB: the Odoo database name.')
@minLength(1)
param odooDatabase string

@description('ODOO_USERNAME: login of the dedicated Odoo API user (not the admin).')
@minLength(1)
param odooUsername string

@description('ODOO_PROTOCOL: auto (JSON-2 on Odoo 19+, JSON-RPC before), json2 or jsonrpc.')
@allowed([
  'auto'
  'json2'
  'jsonrpc'
])
param odooProtocol string = 'auto'

@description('ODOO_API_KEY_SECRET_NAME: the Key Vault secret that holds the Odoo API key.')
param odooApiKeySecretName string = 'odoo-api-key'

// ---------- Dashboard callers (JWT) ----------

@description('AUTH_JWT_ISSUER: required issuer of dashboard tokens; empty: not checked.')
param authJwtIssuer string = ''

@description('AUTH_JWT_AUDIENCE: accepted audiences of dashboard tokens, comma-separated (Entra ID: App ID URI and client id); empty: not checked.')
param authJwtAudience string = ''

@description('AUTH_JWT_AUTHORITY: OpenID Connect authority whose signing keys validate tokens, instead of the shared secret (Key Vault secret dashboard-jwt-secret). Empty: shared secret.')
param authJwtAuthority string = ''

@description('AUTH_JWT_REFRESH_SECONDS: with AUTH_JWT_AUTHORITY, the shortest time between two fetches of its metadata and keys, per instance.')
@minValue(1)
@maxValue(86400)
param authJwtRefreshSeconds int = 30

@description('AUTH_READ_ROLES: comma-separated roles allowed to read.')
param authReadRoles string = 'Admin,Manager'

@description('AUTH_WRITE_ROLES: comma-separated roles allowed to create and update.')
param authWriteRoles string = 'Admin,Manager'

@description('RATE_LIMIT_PER_MINUTE: requests per caller per minute.')
@minValue(1)
param rateLimitPerMinute int = 120

@description('CORS_ALLOWED_ORIGINS (azd env): comma-separated browser origins allowed by CORS, e.g. https://dashboard.example.com (the dashboard\'s, when it calls from a browser). Empty: no browser origin is allowed.')
param corsAllowedOrigins string = ''

// ---------- Status sync ----------

@description('DASHBOARD_API_URL: base address of the dashboard REST API the sync reads and patches.')
@minLength(1)
param dashboardApiUrl string

@description('SYNC_SCHEDULE: NCRONTAB schedule of the status sync (six fields, seconds first).')
param syncSchedule string = '0 */5 * * * *'

@description('SYNC_BATCH_SIZE: manufacturing-order ids per Odoo read.')
@minValue(1)
@maxValue(5000)
param syncBatchSize int = 500

@description('SYNC_KEEP_STATUSES: comma-separated dashboard statuses the sync leaves alone (e.g. on_hold). Empty: every linked order gets its MO\'s status.')
param syncKeepStatuses string = ''

@description('MAX_RESPONSE_MB: largest answer body read from Odoo or the dashboard, in MB.')
@minValue(1)
@maxValue(2047)
param maxResponseMb int = 32

@description('IDEMPOTENCY_LEASE_SECONDS: how long a create owns its Idempotency-Key or origin before a retry reconciles with Odoo; longer than the Odoo call timeout (30 s).')
@minValue(31)
@maxValue(3600)
param idempotencyLeaseSeconds int = 60

@description('ODOO_MAX_CONCURRENT_CALLS: most Odoo calls in flight per instance; the others wait up to the Odoo call timeout, then 503. Odoo sees at most this × maximumInstanceCount.')
@minValue(1)
@maxValue(1000)
param odooMaxConcurrentCalls int = 16

@description('SYNC_LEASE_SECONDS: how long the status sync lease lasts unrenewed (renewed every third while a run lasts): the longest a crashed run blocks the next one.')
@minValue(1)
@maxValue(3600)
param syncLeaseSeconds int = 60

// ---------- Push (Odoo webhooks) ----------

@description('WEBHOOK_QUEUE: the Storage queue between the webhook receiver and its processor (created here; the host adds <name>-poison).')
@minLength(3)
@maxLength(56)
param webhookQueue string = 'odoo-mo-changes'

@description('WEBHOOK_INITIAL_DELAY_SECONDS: how long a queued webhook stays invisible (0: the processor\'s commit check re-queues early 17.0 messages).')
@minValue(0)
@maxValue(60)
param webhookInitialDelaySeconds int = 0

// ---------- Hosting ----------

@description('MAXIMUM_INSTANCE_COUNT: most instances the app scales out to (Flex Consumption: up to 1000). Odoo sees at most this × odooMaxConcurrentCalls calls at once, and a caller can reach this × rateLimitPerMinute requests a minute.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('HTTP_PER_INSTANCE_CONCURRENCY: HTTP requests one instance serves at once before Flex Consumption scales out (1-1000; 16 is the default for 2048 MB).')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Key Vault purge protection (cannot be turned off once on). Off suits throwaway environments.')
param keyVaultPurgeProtection bool = true

var tags = {
  'azd-env-name': environmentName
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

// Built-in roles (GUIDs are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/managed-identity.bicep' = {
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    metricsPublisherPrincipalIds: [identity.outputs.principalId]
  }
}

module storage 'modules/storage-account.bicep' = {
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    tableNames: ['syncruns', 'moorderindex', 'idempotencykeys']
    queueNames: [webhookQueue]
    roleAssignments: [
      // The Functions host: deployment package, leases and timer locks (blob), its queues and the
      // webhook queue (send and trigger), the sync's run records, the push index and idempotency keys (tables).
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageBlobDataOwner
        principalType: 'ServicePrincipal'
      }
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageQueueDataContributor
        principalType: 'ServicePrincipal'
      }
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageTableDataContributor
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

module keyVault 'modules/key-vault.bicep' = {
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    roleAssignments: concat(
      [
        {
          principalId: identity.outputs.principalId
          roleDefinitionId: roles.keyVaultSecretsUser
          principalType: 'ServicePrincipal'
        }
      ],
      empty(principalId)
        ? []
        : [
            {
              principalId: principalId
              roleDefinitionId: roles.keyVaultSecretsOfficer
              principalType: principalType
            }
          ]
    )
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    instanceMemoryMB: instanceMemoryMB
    // azd passes environment values as strings: the list arrives comma-separated.
    corsAllowedOrigins: filter(map(split(corsAllowedOrigins, ','), origin => trim(origin)), origin => !empty(origin))
    // Every setting the app reads. Secrets are not here: the app reads them from KEY_VAULT_URI
    // (odoo-api-key, dashboard-jwt-secret, dashboard-api-token, odoo-webhook-secret).
    appSettings: {
      ODOO_URL: odooUrl
      ODOO_DB: odooDatabase
      ODOO_USERNAME: odooUsername
      ODOO_PROTOCOL: odooProtocol
      KEY_VAULT_URI: keyVault.outputs.uri
      ODOO_API_KEY_SECRET_NAME: odooApiKeySecretName
      AUTH_JWT_ISSUER: authJwtIssuer
      AUTH_JWT_AUDIENCE: authJwtAudience
      AUTH_JWT_AUTHORITY: authJwtAuthority
      AUTH_JWT_REFRESH_SECONDS: string(authJwtRefreshSeconds)
      AUTH_READ_ROLES: authReadRoles
      AUTH_WRITE_ROLES: authWriteRoles
      RATE_LIMIT_PER_MINUTE: string(rateLimitPerMinute)
      SYNC_SCHEDULE: syncSchedule
      SYNC_BATCH_SIZE: string(syncBatchSize)
      IDEMPOTENCY_LEASE_SECONDS: string(idempotencyLeaseSeconds)
      ODOO_MAX_CONCURRENT_CALLS: string(odooMaxConcurrentCalls)
      SYNC_LEASE_SECONDS: string(syncLeaseSeconds)
      SYNC_KEEP_STATUSES: syncKeepStatuses
      MAX_RESPONSE_MB: string(maxResponseMb)
      DASHBOARD_API_URL: dashboardApiUrl
      WEBHOOK_QUEUE: webhookQueue
      WEBHOOK_INITIAL_DELAY_SECONDS: string(webhookInitialDelaySeconds)
    }
  }
  // No dependsOn needed: using the storage, vault and monitoring outputs already makes the app wait
  // for those modules, role assignments included, so its identity holds its roles when it starts.
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_VAULT_URI string = keyVault.outputs.uri
