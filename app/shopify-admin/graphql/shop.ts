// The shop itself: its details and plan, and its legal policies.

export const SHOP_POLICIES = `#graphql
  query ShopPoliciesBeforeMigration {
    shop { shopPolicies { id type body } }
  }
`;

export const UPDATE_POLICY = `#graphql
  mutation MigrateShopPolicy($shopPolicy: ShopPolicyInput!) {
    shopPolicyUpdate(shopPolicy: $shopPolicy) {
      shopPolicy { id type url }
      userErrors { field message code }
    }
  }
`;

export const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      name
      currencyCode
      ianaTimezone
      plan {
        publicDisplayName
        partnerDevelopment
        shopifyPlus
      }
    }
  }
`;
