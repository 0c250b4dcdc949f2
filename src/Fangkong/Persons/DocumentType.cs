namespace Fangkong.Persons;

/// <summary>Kind of identity document. Only the resident ID has a checksum to verify.</summary>
public enum DocumentType
{
    ResidentId,
    Passport,
    HongKongMacaoPermit,
    TaiwanPermit,
    ForeignPermanentResident,
    Other,
}
