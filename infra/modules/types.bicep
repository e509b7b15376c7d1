metadata description = 'Types shared by the modules.'

@export()
@description('A built-in role given to a principal on the resource a module creates.')
type roleAssignment = {
  @description('Object (principal) id of the identity, user or group.')
  principalId: string

  @description('GUID of the built-in role definition.')
  roleDefinitionId: string

  @description('Kind of principal.')
  principalType: ('ServicePrincipal' | 'User' | 'Group')
}
