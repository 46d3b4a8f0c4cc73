namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>A member that connects a socket or returns an accepted one: a row of <see cref="SetterCatalog"/>.</summary>
    internal readonly struct ConnectionMember
    {
        public ConnectionMember(string typeName, string memberName)
        {
            TypeName = typeName;
            MemberName = memberName;
        }

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        /// <summary>Method or property name; every overload counts.</summary>
        public string MemberName { get; }
    }
}
