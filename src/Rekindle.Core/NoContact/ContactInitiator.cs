namespace Rekindle.Core.NoContact;

/// <summary>Who started a contact during no contact. Stored by name, so the order can change safely.</summary>
public enum ContactInitiator
{
    /// <summary>I reached out: a call, a text, a like, a visit.</summary>
    Me,

    /// <summary>They reached out to me.</summary>
    Them,

    /// <summary>A truly accidental meeting.</summary>
    AccidentalRunIn,

    /// <summary>A real emergency that had to be handled.</summary>
    Emergency,

    /// <summary>Practical arrangements: children, work, the lease.</summary>
    Logistics,
}
