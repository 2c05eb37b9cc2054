//! Commerce: color names, shop departments, product name parts, company suffixes.

/// Human color names.
pub const COLORS: &[&str] = &[
    "red",
    "crimson",
    "orange",
    "amber",
    "yellow",
    "lime",
    "green",
    "olive",
    "teal",
    "cyan",
    "turquoise",
    "sky blue",
    "blue",
    "navy",
    "indigo",
    "violet",
    "purple",
    "magenta",
    "pink",
    "salmon",
    "maroon",
    "brown",
    "tan",
    "beige",
    "ivory",
    "white",
    "silver",
    "grey",
    "black",
    "gold",
    "mint green",
    "lavender",
    "plum",
    "coral",
];

/// Shop departments.
pub const DEPARTMENTS: &[&str] = &[
    "Books",
    "Movies",
    "Music",
    "Games",
    "Electronics",
    "Computers",
    "Home",
    "Garden",
    "Tools",
    "Grocery",
    "Health",
    "Beauty",
    "Toys",
    "Kids",
    "Baby",
    "Clothing",
    "Shoes",
    "Jewelery",
    "Sports",
    "Outdoors",
    "Automotive",
    "Industrial",
];

/// Adjectives describing a product.
pub const PRODUCT_ADJECTIVES: &[&str] = &[
    "Small",
    "Large",
    "Tiny",
    "Sleek",
    "Ergonomic",
    "Rustic",
    "Practical",
    "Handmade",
    "Handcrafted",
    "Refined",
    "Elegant",
    "Gorgeous",
    "Fantastic",
    "Awesome",
    "Generic",
    "Intelligent",
    "Incredible",
    "Licensed",
    "Unbranded",
    "Modern",
    "Sturdy",
    "Luxurious",
];

/// Materials a product is made of.
pub const PRODUCT_MATERIALS: &[&str] = &[
    "Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal", "Soft",
    "Fresh", "Frozen", "Bronze", "Marble", "Linen", "Ceramic", "Glass",
];

/// Product nouns.
pub const PRODUCTS: &[&str] = &[
    "Chair", "Table", "Lamp", "Car", "Bike", "Computer", "Keyboard", "Mouse", "Ball", "Gloves",
    "Pants", "Shirt", "Hat", "Shoes", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese",
    "Bacon", "Pizza", "Salad", "Sausages", "Chips", "Clock", "Backpack", "Mug",
];

/// Legal-form suffixes of company names.
pub const COMPANY_SUFFIXES: &[&str] = &["Inc", "and Sons", "LLC", "Group"];
