namespace OdooFunctions.Odoo.Wire;

/// <summary>What a call does; decides its wire shape on each protocol and whether it may be retried.</summary>
internal enum OdooOperation
{
    Version,
    Authenticate,
    SearchRead,
    Read,
    SearchCount,
    FieldsGet,
    Create,
    Write,
    Unlink,
    Call,
}
