#!/bin/sh
# Stands where Prisma expects its native schema-engine binary, which Prisma downloads at run time
# and which these machines cannot fetch. Prisma's generate/format/validate never run it; migrations
# go through `npm run db:migration` and `npm run db:migrate` instead (docs/decisions/0002).
echo "Prisma's native schema engine is not installed here: use 'npm run db:migration -- <name>' to create a migration and 'npm run db:migrate' to apply them." >&2
exit 1
