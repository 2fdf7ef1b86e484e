-- Does not compile: require must say which embedded file is wrong and where.
return {
